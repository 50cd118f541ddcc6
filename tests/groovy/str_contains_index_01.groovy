def s = 'refs/heads/feature/login'
println s.contains('feature')
println s.startsWith('refs/heads/')
println s.endsWith('/login')
println s.indexOf('/')
println s.lastIndexOf('/')
println s.indexOf('/', 5)
println s.indexOf('zzz')
println s - 'refs/heads/'
println s.minus('refs/')
println s.startsWith('heads', 5)
println s.equalsIgnoreCase('REFS/HEADS/FEATURE/LOGIN')
println s.matches('refs/.*')
println s.charAt(0).getClass().name
