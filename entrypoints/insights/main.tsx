import { render } from 'preact';
import { InsightsApp } from '../../components/insights/InsightsApp';
import '../../components/theme.css';
import '../../components/insights/insights.css';

render(<InsightsApp />, document.getElementById('app') as HTMLElement);
