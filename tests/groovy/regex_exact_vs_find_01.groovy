println 'v1.2' ==~ /v\d+\.\d+/
println 'xv1.2' ==~ /v\d+\.\d+/
println(('xv1.2' =~ /v\d+\.\d+/) as boolean)
println 'abc' ==~ 'a.c'
def m = 'hello' =~ /l+/
println m.getClass().name
if ('release/2.0' =~ /release/) println 'has release'
println !('main' =~ /release/)
println 'ABC'.matches('[A-Z]+')
println('abc' ==~ /(?i)ABC/)
