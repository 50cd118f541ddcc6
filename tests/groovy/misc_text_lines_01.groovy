def text = 'line1\nline2\nline3'
println text.readLines().withIndex().collect { l, i -> "${i + 1}: ${l}" }.join('\n')
println text.count('\n') + 1
println text.tokenize('\n').last()
println text.split('\n').findIndexOf { it.endsWith('2') }
println text.toUpperCase().readLines()*.take(2).unique()
println text.eachLine { it }.getClass().name
