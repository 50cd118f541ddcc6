def m = 'build-1.2.3-rc4' =~ /(\d+)\.(\d+)\.(\d+)(?:-rc(\d+))?/
println m.find()
println m.group()
println m.group(1)
println m.groupCount()
println m[0]
println m[0][4]
def m2 = 'a1b22c333' =~ /\d+/
println m2.count
println m2[1]
println m2.collect { it }
println(('k=v; x=y' =~ /(\w)=(\w)/).collect { all, k, v -> "$k:$v" })
