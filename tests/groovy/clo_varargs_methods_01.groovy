def sum(int... xs) { xs.sum() ?: 0 }
println sum(1, 2, 3)
println sum()
def fmt(String f, Object... args) { String.format(f, args) }
println fmt('%s-%s', 'a', 'b')
def first(a, Object[] rest) { "${a} + ${rest.length}" }
println first(1)
println first(1, 2, 3)
def spreadMe(a, b, c) { [a, b, c].join('|') }
def args = ['x', 'y', 'z']
println spreadMe(*args)
def log(String level, String... msgs) { msgs.collect { "[$level] $it" } }
println log('INFO', 'a', 'b')
println log('WARN')
