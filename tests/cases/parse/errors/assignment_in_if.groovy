if (env.BRANCH_NAME = "main") {
    sh "deploy"
}
