def m = [host: 'h', port: 22, user: 'u', key: null]
println m.subMap(['host', 'port'])
println m.subMap(['host', 'nope'])
println m.containsKey('key')
println m.containsValue(22)
println m.key
println m.get('key', 'dflt')
println m
println m.getOrDefault('nope', 'G')
println m.getOrDefault('key', 'G')
println m.keySet().toList()
println m.values().toList()
println m.entrySet().collect { "${it.key}" }
