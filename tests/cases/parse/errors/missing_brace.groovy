pipeline {
    stages {
        stage("a") {
            steps { sh "ls" }
        }
