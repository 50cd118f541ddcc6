def ver = '1.0'
def re = /v${ver}\.\d+/
println re
println 'v1.0.7' ==~ re
def path = /C:\Users\ci\workspace/
println path
def ds = $/a/b $ver \d $$ /$
println ds
def s = /no "escape" needed, 'here'/
println s
println(/a\/b/)
