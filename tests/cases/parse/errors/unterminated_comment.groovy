/* build steps
node {
    sh "make"
}
