import java.util.regex.Pattern
println 'cost: 5'.replaceAll(/\d/, '\\$')
println 'a.b'.replaceAll(Pattern.quote('.'), '!')
println 'x+y'.replaceAll(/\+/, ' plus ')
println 'C:\\dir'.replaceAll('\\\\', '/')
println 'aaa'.replaceAll(/a*/, '-')
println 'Hello World'.replaceAll(/(\w+) (\w+)/, '$2 $1')
println 'snake_case_name'.replaceAll(/_(\w)/) { full, c -> c.toUpperCase() }
println 'CamelCaseName'.replaceAll(/([A-Z])/) { '_' + it[1].toLowerCase() }.substring(1)
