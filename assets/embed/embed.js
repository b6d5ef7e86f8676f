// CSEA Evidence Dashboard embeds: fits each embedded chart's iframe to the
// height its page reports (see /embed/frame.js for the message shapes).
// Load it once or many times, anywhere on the page, with async.
//
// A message is used only when it comes from this script's own origin, and
// only for the iframe whose window sent it and whose src is on that same
// origin; anything else (another frame, the page itself, other origins)
// is ignored. Nothing here parses HTML or evaluates code.
(function () {
  'use strict';
  var script = document.currentScript;
  // Without currentScript (some loaders), the iframe's src origin is the
  // only origin check, which still ties a message to its own frame.
  var ours = script && script.src ? new URL(script.src, location.href).origin : null;
  var seen = (window.__cseaEvidenceEmbeds = window.__cseaEvidenceEmbeds || {});
  var key = ours || '*';
  if (seen[key]) return;
  seen[key] = true;

  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 20000;

  function reportedHeight(data) {
    if (!data || typeof data !== 'object') return null;
    if (data.type === 'csea-evidence:height') return data.height;
    var dw = data['datawrapper-height'];
    if (dw && typeof dw === 'object') {
      for (var k in dw) {
        if (Object.prototype.hasOwnProperty.call(dw, k)) return dw[k];
      }
    }
    return null;
  }

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  // The origin of an iframe's src, or null when it is not a URL.
  function srcOrigin(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', location.href).origin;
    } catch (e) {
      return null;
    }
  }

  // Frames that loaded (and posted their height) before this script ran
  // are asked again, as are frames that load later (lazy ones).
  function ask(frame) {
    if (!frame.hasAttribute('data-csea-embed') || !frame.contentWindow) return;
    var origin = srcOrigin(frame);
    if (origin === null || (ours !== null && origin !== ours)) return;
    frame.contentWindow.postMessage({ type: 'csea-evidence:measure' }, origin);
  }
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) ask(frames[i]);
  document.addEventListener('load', function (event) {
    if (event.target && event.target.tagName === 'IFRAME') ask(event.target);
  }, true);

  window.addEventListener('message', function (event) {
    if (ours !== null && event.origin !== ours) return;
    var height = reportedHeight(event.data);
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frame = frameOf(event.source);
    if (!frame || srcOrigin(frame) !== event.origin) return;
    height = Math.round(Math.min(Math.max(height, MIN_HEIGHT), MAX_HEIGHT));
    frame.style.height = height + 'px';
  });
})();
