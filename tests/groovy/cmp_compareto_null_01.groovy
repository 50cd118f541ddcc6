println 'a'.compareTo('c')
println 5.compareTo(3)
println 1.5.compareTo(1.50)
println null < 1
println null > 1
println 1 > null
println null == 0
println null < 'a'
println 'a' > null
def xs = [5, null, 3]
println xs.max()
println xs.min()
println xs.findAll { it != null }.max()
println(1 <= 1.0)
println('abc' < 'abd')
