pipeline {
    stages {
    }
    */
}
