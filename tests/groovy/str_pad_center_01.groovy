println '[' + 'ab'.padLeft(5) + ']'
println '[' + 'ab'.padRight(5, '.') + ']'
println '[' + 'ab'.center(6, '*') + ']'
println '[' + 'ab'.center(7) + ']'
println '[' + 'abcdef'.padLeft(3) + ']'
println '[' + '7'.padLeft(3, '0') + ']'
println '[' + 'x'.padLeft(6, 'ab') + ']'
def rows = [['name', 'status'], ['build', 'OK'], ['integration-test', 'FAIL']]
def w = rows*.getAt(0)*.size().max()
rows.each { println it[0].padRight(w) + ' | ' + it[1] }
