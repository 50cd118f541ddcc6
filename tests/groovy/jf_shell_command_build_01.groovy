def opts = [skipTests: true, profile: 'ci', threads: 4, extra: null]
def args = []
if (opts.skipTests) args << '-DskipTests'
if (opts.profile) args << "-P${opts.profile}"
args << "-T ${opts.threads}"
if (opts.extra) args << opts.extra
def cmd = "mvn ${args.join(' ')} clean install"
println cmd
def envs = [JAVA_HOME: '/opt/jdk', PATH: '/usr/bin']
println envs.collect { k, v -> "${k}=${v}" }
println "env ${envs.collect { k, v -> "$k='$v'" }.join(' ')} make"
def files = ['a b.txt', 'c.txt']
println "rm -f ${files.collect { "\"$it\"" }.join(' ')}"
