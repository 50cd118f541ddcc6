node {
    sh 'echo it's done'
}
