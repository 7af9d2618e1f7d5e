// The finishing pass of the high tier: a full-screen triangle drawn over the finished frame that
// darkens its edges (a vignette) with a faint, still grain, by multiplying what is already there.
// No offscreen render target: at 1920×1080 a multisampled half-float target alone would take
// over 100 MiB, beyond a scene's texture budget, and the canvas keeps its own antialiasing.
// Still grain: the stage draws on demand, and grain that changed per frame would need every frame.

import {
  BufferAttribute,
  BufferGeometry,
  type Camera,
  CustomBlending,
  Mesh,
  OrthographicCamera,
  Scene,
  ShaderMaterial,
  SrcColorFactor,
  type WebGLRenderer,
  ZeroFactor,
} from 'three';

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = position.xy * 0.5 + 0.5;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}`;

// The output is a factor the frame is multiplied by (blending: zero × source + source × frame).
const fragmentShader = /* glsl */ `
uniform float vignette;
varying vec2 vUv;
float grain(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }
void main() {
  float edge = smoothstep(0.9, 0.3, length(vUv - 0.5) * 1.25);
  float factor = mix(1.0 - vignette, 1.0, edge) * (1.0 + (grain(gl_FragCoord.xy) - 0.5) * 0.03);
  gl_FragColor = vec4(vec3(factor), 1.0);
}`;

export class FinishingPass {
  private readonly scene = new Scene();
  private readonly camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly geometry = new BufferGeometry();
  private readonly material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: { vignette: { value: 0.35 } },
    depthTest: false,
    depthWrite: false,
    transparent: true,
    blending: CustomBlending,
    blendSrc: ZeroFactor,
    blendDst: SrcColorFactor,
  });

  constructor() {
    // One triangle that covers the screen (cheaper than two: no diagonal seam to shade twice).
    const corners = new Float32Array([-1, -1, 0, 3, -1, 0, -1, 3, 0]);
    this.geometry.setAttribute('position', new BufferAttribute(corners, 3));
    const quad = new Mesh(this.geometry, this.material);
    quad.frustumCulled = false;
    this.scene.add(quad);
  }

  render(renderer: WebGLRenderer, scene: Scene, camera: Camera): void {
    renderer.render(scene, camera);
    const autoClear = renderer.autoClear;
    renderer.autoClear = false;
    renderer.render(this.scene, this.camera);
    renderer.autoClear = autoClear;
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }
}
