def s = 'pipeline'
println s[0]
println s[-1]
println s[0..3]
println s[4..-1]
println s[-4..-1]
println s[3..0]
println s[0..<0].isEmpty()
println s[1, 3, 5]
println s.getAt(2).getClass().name
println s.substring(4)
println s.substring(0, 4)
println s[0..<4] + s[4..<s.length()]
