// Runs inside the embed (/embed/datasets/...): tells the page that frames
// it how tall the embed is, whenever that changes (load, a resize, a caveat
// opened), so /embed.js on that page can fit the iframe to it.
//
// Messages, both sent each time:
//   {"type": "csea-evidence:height", "height": N, "id": "<frame id>"}
//   {"datawrapper-height": {"<frame id>": N}}   (Datawrapper's convention,
//                                                 which many CMSs handle)
// The frame id is ?frame= of the embed URL, or else the dataset id.
//
// The parent script may load after this frame has posted (it is async), so
// it asks once it runs: {"type": "csea-evidence:measure"} from the parent
// window gets both messages again, even if the height has not changed.
// The target origin is "*": the height is not secret, and the embed cannot
// know which site frames it.
(function () {
  'use strict';
  if (window.parent === window) return;
  var root = document.documentElement;
  var id = root.getAttribute('data-frame-id') || '';
  var last = -1;

  function post(force) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height <= 0 || (height === last && force !== true)) return;
    last = height;
    window.parent.postMessage({ type: 'csea-evidence:height', height: height, id: id }, '*');
    var datawrapper = {};
    datawrapper[id] = height;
    window.parent.postMessage({ 'datawrapper-height': datawrapper }, '*');
  }

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(post).observe(root);
  }
  window.addEventListener('resize', post);
  window.addEventListener('load', post);
  document.addEventListener('toggle', post, true);
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var data = event.data;
    if (data && typeof data === 'object' && data.type === 'csea-evidence:measure') post(true);
  });
  post();
})();
