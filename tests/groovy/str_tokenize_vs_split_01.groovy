def s = 'a,,b,c,'
println s.split(',')
println s.split(',').size()
println s.tokenize(',')
println s.tokenize(',').size()
println 'a.b.c'.split('.').size()
println 'a.b.c'.split(/\./)
println 'a.b.c'.tokenize('.')
println 'x-y_z'.tokenize('-_')
println '  a  b   c '.split()
println '  a  b   c '.tokenize()
println s.split(',').getClass().simpleName
println s.tokenize(',').getClass().simpleName
println 'a,b,c'.split(',', 2)
