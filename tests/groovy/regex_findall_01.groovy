def log = 'ERROR a.java:12 WARN b.java:7 ERROR c.java:99'
println log.findAll(/ERROR \S+/)
println log.findAll(/(\w+)\.java:(\d+)/) { all, f, n -> "$f@$n" }
println log.findAll(/\d+/)*.toInteger().sum()
println log.find(/\d+/)
println log.find(/(\w)\.java/) { all, c -> c.toUpperCase() }
println log.find(/nothing/)
println 'no digits'.findAll(/\d/)
