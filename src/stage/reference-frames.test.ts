// The bench's reference frames draw what they say: one triangle that no pixel sees, and one that
// covers the view exactly once, never culled by the camera.
import { describe, expect, it } from 'vitest';
import { coverage, REFERENCE_FRAMES, referenceMesh } from './reference-frames.ts';

describe('reference frames', () => {
  it('the clipped triangle covers none of the view, the full-screen one all of it', () => {
    expect(coverage('one-triangle')).toBe(0);
    expect(coverage('full-screen')).toBe(1);
  });

  it('each is one triangle in clip space, drawn whatever the camera and without depth', () => {
    for (const frame of Object.keys(REFERENCE_FRAMES) as (keyof typeof REFERENCE_FRAMES)[]) {
      const mesh = referenceMesh(frame);
      const position = mesh.geometry.getAttribute('position');
      expect(position.count).toBe(3);
      expect(Array.from({ length: 3 }, (_, i) => position.getZ(i))).toEqual([0, 0, 0]);
      expect(mesh.frustumCulled).toBe(false);
      expect(mesh.material.depthTest).toBe(false);
      expect(mesh.material.vertexShader).toContain('vec4(position.xy, 0.0, 1.0)');
      mesh.geometry.dispose();
      mesh.material.dispose();
    }
  });
});
