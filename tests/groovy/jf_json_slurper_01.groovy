// Groovy 2.4 quirk: JsonSlurper returns groovy.json.internal.LazyMap whose keys come back sorted, not in document order
import groovy.json.JsonSlurper
def text = '{"name":"svc","replicas":3,"ratio":0.25,"enabled":true,"tags":["a","b"],"owner":null,"nested":{"k":"v"}}'
def obj = new JsonSlurper().parseText(text)
println obj.name
println obj.replicas + 1
println obj.replicas.getClass().name
println obj.ratio
println obj.enabled
println obj.tags
println obj.owner
println obj.nested.k
println obj.keySet().toList()
println obj.tags.getClass().simpleName
def arr = new JsonSlurper().parseText('[1, 2.5, "x", [true]]')
println arr
println arr*.getClass()*.simpleName
