def m = 'x=1, y=22, z=333' =~ /(\w)=(\d+)/
m.each { all, k, v -> println "$k -> $v" }
println m.size()
def m2 = 'x=1, y=22' =~ /(\w)=(\d+)/
while (m2.find()) { println "found ${m2.group(1)} at ${m2.start()}" }
def m3 = 'nope' =~ /\d/
println m3.size()
println m3 ? 'match' : 'no match'
try { m3[0] } catch (e) { println e.class.name }
