stage("x") {
    steps {
        sh "a"
    )
}
