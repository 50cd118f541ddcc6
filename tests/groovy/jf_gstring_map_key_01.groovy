// Pitfall: a GString used as a map key in a literal stays a GString; lookups by String may miss
def env = 'prod'
def literal = ["${env}": 1]
println literal.keySet().first().getClass().simpleName
println literal[env]
println literal.get(env)
println literal.containsKey(env)
def viaPut = [:]
viaPut["${env}"] = 2
println viaPut.keySet().first().getClass().simpleName
println viaPut[env]
def viaDot = [:]
viaDot."${env}" = 3
println viaDot[env]
def safe = [("${env}".toString()): 4]
println safe[env]
