def text = 'a1b2c3'
println text.split(/\d/)
println 'one  two\tthree'.split(/\s+/)
println 'a, b ,c'.split(/\s*,\s*/)
def multi = 'first\nsecond line\nthird'
println((multi =~ /(?m)^\w+$/).collect { it })
println((multi =~ /^\w+/).collect { it })
println multi.replaceAll(/(?m)^/, '> ')
println 'a.b|c'.split(/[.|]/)
println 'x'.split(/,/)
println ''.split(/,/).size()
