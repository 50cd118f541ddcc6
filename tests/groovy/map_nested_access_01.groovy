def cfg = [deploy: [targets: [[name: 'eu', hosts: ['h1', 'h2']], [name: 'us', hosts: []]]]]
println cfg.deploy.targets[0].hosts[1]
println cfg.deploy.targets*.name
println cfg.deploy.targets.hosts
println cfg.deploy.targets.hosts.flatten().size()
println cfg.deploy.nope?.targets
println cfg['deploy']['targets'][-1].name
println cfg.deploy.targets.find { !it.hosts }?.name
cfg.deploy.targets[1].hosts << 'h3'
println cfg.deploy.targets.collectEntries { [it.name, it.hosts.size()] }
println cfg.get('deploy').targets.size()
