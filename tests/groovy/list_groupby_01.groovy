def jobs = [
  [name: 'a', status: 'OK', team: 'x'],
  [name: 'b', status: 'FAIL', team: 'y'],
  [name: 'c', status: 'OK', team: 'y'],
  [name: 'd', status: 'FAIL', team: 'x'],
]
def byStatus = jobs.groupBy { it.status }
println byStatus.keySet()
println byStatus.collectEntries { k, v -> [k, v*.name] }
def nested = jobs.groupBy({ it.team }, { it.status })
println nested.x.OK*.name
println nested.collectEntries { t, m -> [t, m.keySet().sort()] }
println(['apple', 'avocado', 'banana'].groupBy { it[0] })
