def re = ~/v[0-9]+
println re
