#version 330 core
uniform vec4 uColor;  // sRGB, alpha
out vec4 fragColor;
void main() { fragColor = uColor; }
