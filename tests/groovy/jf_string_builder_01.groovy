def sb = new StringBuilder()
sb.append('stage: ').append('build')
sb << ' #' << 42
println sb
println sb.length()
println sb.toString().toUpperCase()
sb = new StringBuilder(sb.toString().take(5))
println sb
sb.insert(0, '>')
println sb
println sb.reverse()
def lines = new StringBuilder()
['a', 'b'].each { lines.append("line ${it}\n") }
print lines
println lines.toString().readLines().size()
def s = ''
3.times { s += it }
println s
