pipeline {
    agent none
    stages {
        stage('outer') {
            agent any
            parallel {
                stage('one') {
                    parallel {
                        stage('deep') {
                            steps { echo 'deep' }
                        }
                    }
                }
                stage('two') {
                    steps { echo 'two' }
                    stages {
                        stage('three') {
                            steps { echo 'three' }
                        }
                    }
                }
            }
        }
        stage('cells') {
            matrix {
                axes {
                    axis {
                        name 'OS-NAME'
                        values 'linux', 'mac', 'linux'
                    }
                    axis {
                        values "${platforms}"
                    }
                }
                excludes {
                    exclude {
                        axis {
                            name 'OS-NAME'
                            values 'mac'
                            notValues 'linux'
                        }
                    }
                }
            }
        }
    }
}
