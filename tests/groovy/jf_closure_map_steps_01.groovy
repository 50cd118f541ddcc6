def steps = [
  checkout: { -> 'git clone' },
  build   : { String tool = 'make' -> "${tool} all" },
  test    : { suite -> "run ${suite}" },
]
println steps.checkout()
println steps.build()
println steps.build('gradle')
println steps['test']('unit')
println steps.test.call('it')
println steps.collect { k, v -> "${k}:${v.maximumNumberOfParameters}" }
