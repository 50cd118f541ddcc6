def deploy(String env, boolean dryRun = false, int timeout = 10) {
  "deploy ${env} dryRun=${dryRun} timeout=${timeout}"
}
println deploy('dev')
println deploy('prod', true)
println deploy('prod', true, 30)
def notify(Map opts, String msg) { "${opts.channel ?: '#general'}: ${msg}" }
println notify(channel: '#ci', 'done')
println notify('done', channel: '#ops')
println notify([:], 'plain')
def build(Map args) { args.collect { k, v -> "$k=$v" }.join(',') }
println build(name: 'x', count: 2)
println build([:])
