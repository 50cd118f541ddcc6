println 'tab[\t] quote[\'] dquote["] bs[\\]'
println "dollar[\$] brace[{}] unicode[\u00e9]"
println 'multi\
line continuation'
println "a\bb".length()
println '\u0041\u0042'
println "\\n is not a newline"
println 'x'.getBytes('UTF-8').length + 'é'.getBytes('UTF-8').length
