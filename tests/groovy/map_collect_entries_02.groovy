def services = ['api', 'web', 'worker']
println services.collectEntries { [(it): it.size()] }
println services.collectEntries { [it, "${it}-svc".toString()] }
println services.withIndex().collectEntries { s, i -> [s, i] }
println services.collectEntries([base: 0]) { [it, 1] }
def env = ['A=1', 'B=2', 'C']
println env.collectEntries { def p = it.split('=', 2); [p[0], p.size() > 1 ? p[1] : null] }
println([[1, 'one'], [2, 'two']].collectEntries())
println([a: 1, b: 2].collectEntries { k, v -> [v, k] })
println([a: 1, b: 2].collectEntries { e -> [e.key * 2, e.value * 2] })
