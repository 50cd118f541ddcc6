// "$name.length()" is a property path ($name.length) followed by literal "()"
def build = [info: [commit: [sha: 'abc123', author: 'bob']], num: 5]
println "sha=$build.info.commit.sha by $build.info.commit.author"
println "num=$build.num."
println "sha=${build.info.commit.sha.take(3)}"
def name = 'x'
try { println "$name.length()" } catch (MissingPropertyException e) { println e.class.name + ': ' + e.message }
println "${name.length()}"
println "price: \$5 and $name"
try { println "email: user@$name.com" } catch (MissingPropertyException e) { println e.message }
println "email: user@${name}.com"
