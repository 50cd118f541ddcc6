import java.util.regex.Pattern
def p = ~/^\d{3}-\d{4}$/
println p.getClass().name
println p.matcher('555-1234').matches()
println '555-1234' ==~ p
println p.pattern()
println(['123-4567', 'abc', '999-0000'].findAll { it ==~ p })
println(['123-4567', 'abc'].grep(p))
println '555-1234' in p
println 'x' in p
def ci = ~/(?i)error/
println ci.matcher('An ERROR occurred').find()
def flags = Pattern.compile('^warn', Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)
println flags.matcher('ok\nWARN x').find()
