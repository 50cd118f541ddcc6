def colorFor(String result) {
  [SUCCESS: 'good', UNSTABLE: 'warning', FAILURE: 'danger'].get(result, '#cccccc')
}
def currentBuild = [result: null, number: 17, durationString: '1 min 2 sec and counting']
def result = currentBuild.result ?: 'SUCCESS'
println colorFor(result)
println colorFor('ABORTED')
def msg = "Build #${currentBuild.number} ${result.toLowerCase().capitalize()} after ${currentBuild.durationString - ' and counting'}"
println msg
println msg.size()
