def out = "line one\r\nline two\n\nline four"
def lines = out.readLines()
println lines.size()
println lines.collect { it.inspect() }
def n = 0
out.eachLine { line, idx -> if (line) println "${idx}: ${line}" }
println out.split('\n').size()
println out.tokenize('\n').size()
println ''.readLines()
println 'a\n'.readLines()
