package org.tutti.client; final class Placeholder {}
