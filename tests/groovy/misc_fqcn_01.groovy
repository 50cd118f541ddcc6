// Fully-qualified class names used without an import
def p = java.util.regex.Pattern.compile('a+b')
println p.matcher('aaab').matches()
println java.util.regex.Pattern.quote('1.2')
println new java.util.ArrayList([1, 2]).size()
println java.lang.Math.max(1, 2)
println new java.math.BigDecimal('1.50') * 2
println 1.25.setScale(1, java.math.RoundingMode.HALF_UP)
println java.util.Collections.max([3, 9, 2])
def l = new java.util.LinkedList()
l << 1
println l.getClass().name
