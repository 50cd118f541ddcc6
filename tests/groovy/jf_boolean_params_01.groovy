// Pitfall: parameters arrive as Strings; 'false' is truthy
def params = [DRY_RUN: 'false', FORCE: 'true', SKIP: '', REAL_FLAG: false]
println params.DRY_RUN ? 'dry (wrong!)' : 'live'
println params.DRY_RUN == 'true' ? 'dry' : 'live'
println params.DRY_RUN.toBoolean()
println Boolean.valueOf(params.FORCE)
println params.SKIP ? 'skip' : 'no skip'
println params.REAL_FLAG ? 'flag' : 'no flag'
println(params.DRY_RUN as Boolean)
println(params.REAL_FLAG.toString() == 'false')
def flag = params.MISSING?.toBoolean() ?: false
println flag
