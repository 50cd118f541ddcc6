def img = 'repo/app'
def tag = '1.0'
println "docker build -t \"${img}:${tag}\" ."
println "echo '${img}'"
println "${"inner ${tag}"} outer"
println "list: ${['a', 'b'].collect { "'$it'" }.join(',')}"
println 'single $img ${tag}'
println "map: ${[k: 'v']}"
println "null: ${null} end"
println "empty closure: ${-> 'lazy'}"
