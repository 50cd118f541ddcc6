def s = 'deploy the web service'
println s.split(' ')*.capitalize().join(' ')
println s.tokenize().collect { it[0].toUpperCase() }.join()
println s.toUpperCase().replace(' ', '_')
println 'MyServiceName'.replaceAll(/([a-z])([A-Z])/, '$1-$2').toLowerCase()
println 'feature/Some_Thing'.toLowerCase().replaceAll(/[^a-z0-9]+/, '-')
println 'ABC'.toLowerCase().capitalize()
println 'x'.toUpperCase() * 3
println 'hello'.center(11, '*')
println 'a-b-c'.tokenize('-').reverse().join('-')
