// The scripted logic of a delivery pipeline (seed 004: build → registry → Marathon),
// runnable on its own with `pipe eval`: it decides the image tag, the target
// environments and the test branches the way the Jenkinsfile's helper code does.

def env = [BRANCH_NAME: 'dev', BUILD_NUMBER: '42', GIT_COMMIT: 'a1b2c3d4e5f6a7b8']
def registry = 'dockerhub.example.com'
def app = 'lms-barrages'

// Images are built only from `dev`; feature branches get a throw-away tag.
String imageTag(Map e) {
    def shortSha = e.GIT_COMMIT.take(7)
    switch (e.BRANCH_NAME) {
        case 'dev':
            return "1.${e.BUILD_NUMBER}-${shortSha}"
        case ~/feature\/.+/:
            return "pr-${e.BRANCH_NAME.tokenize('/').last().toLowerCase()}-${e.BUILD_NUMBER}"
        default:
            return 'latest'
    }
}

def environments = [
    qa  : [marathon: 'http://marathon-qa', file: 'qa-deploy.json', instances: 2],
    prod: [marathon: 'http://marathon-prod', file: 'prod-deploy.json', instances: 4],
]

def tag = imageTag(env)
def image = "${registry}/${app}:${tag}"
println "image: ${image}"

// The test stage runs its suites in parallel: build the branch map as Jenkins' `parallel` expects.
def suites = ['api', 'ui', 'contract']
def branches = [:]
suites.each { suite ->
    branches["test-${suite}"] = { -> "nosetests -s -v -c conf/run/${suite}_test.cfg" }
}
branches.each { name, body -> println "${name.padRight(14)} ${body()}" }

// Deploy plan: QA automatically, production after the `input` gate.
environments.eachWithIndex { name, cfg, i ->
    def gate = name == 'prod' ? ' (after "Do tests OK?")' : ''
    println "${i + 1}. deploy ${image} to ${name}: ${cfg.instances} instances via ${cfg.marathon}/${cfg.file}${gate}"
}

def totalInstances = environments.values().sum { it.instances }
assert totalInstances == 6 : 'capacity plan changed'
println "total instances: ${totalInstances}"
