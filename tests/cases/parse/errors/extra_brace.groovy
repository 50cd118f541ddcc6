node {
    sh "ls"
}
}
