def builds = [
  [job: 'api', result: 'SUCCESS', ms: 100],
  [job: 'web', result: 'FAILURE', ms: 300],
  [job: 'api', result: 'FAILURE', ms: 200],
  [job: 'api', result: 'SUCCESS', ms: 50],
]
println builds.countBy { it.result }
println builds.groupBy { it.job }.collectEntries { k, v -> [k, v.size()] }
println builds.groupBy { it.job }.collectEntries { k, v -> [k, v*.ms.sum() / v.size()] }
println builds.groupBy { it.job }.collectEntries { k, v -> [k, v.max { it.ms }.ms] }
println builds.groupBy { it.job }.api*.result.unique()
println builds.sum { it.ms }
println builds.inject(0) { a, b -> a + b.ms }
println builds*.ms.sort().reverse()
