def env = [BRANCH_NAME: 'develop', BUILD_NUMBER: '15', CHANGE_ID: null, EMPTY: '']
def branch = env.BRANCH_NAME ?: 'main'
def change = env.CHANGE_ID ?: 'none'
def empty = env.EMPTY ?: 'defaulted'
def missing = env.NOT_THERE ?: 'absent'
println "$branch $change $empty $missing"
def num = (env.BUILD_NUMBER ?: '0') as Integer
println num + 1
println env.containsKey('CHANGE_ID')
println env.get('NOPE', 'x')
println env.NOPE?.toUpperCase()
println env.BRANCH_NAME?.toUpperCase()
