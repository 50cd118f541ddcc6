import groovy.json.JsonOutput
import groovy.json.JsonSlurper
def payload = [name: 'app', version: '1.2.3', tags: ['a', 'b'], meta: [build: 42, ok: true, none: null]]
def json = JsonOutput.toJson(payload)
println json
println JsonOutput.prettyPrint(JsonOutput.toJson([a: 1, b: [2, 3]]))
def parsed = new JsonSlurper().parseText('{"items":[{"id":1,"name":"x"},{"id":2,"name":"y"}],"total":2,"ratio":0.5}')
println parsed.items*.name
println parsed.total + 1
println parsed.ratio.getClass().name
println parsed.items.find { it.id == 2 }.name
println JsonOutput.toJson('quote"d')
